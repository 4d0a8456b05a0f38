package hermes.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A plain java.net.http client for the tests, and a minimal SSE reader. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** What came back: status, one header lookup and the whole body. */
    record Result(int status, HttpResponse<String> response) {

        String body() {
            return response.body();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        JsonNode json() {
            return parse(body());
        }

        /** The SSE events of a streamed body. */
        List<Event> events() {
            List<Event> events = new ArrayList<>();
            for (String frame : body().split("\n\n")) {
                String name = "";
                StringBuilder data = new StringBuilder();
                for (String line : frame.split("\n")) {
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    }
                }
                if (!data.isEmpty()) {
                    events.add(new Event(name, data.toString()));
                }
            }
            return events;
        }
    }

    /** One server-sent event; {@code name} is empty when the frame has no {@code event:} line. */
    record Event(String name, String data) {
        JsonNode json() {
            return parse(data);
        }
    }

    static Result post(String url, String body, String... headerNamesAndValues) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
