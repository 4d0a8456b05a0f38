package hermes.testing;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.MockResponse;

/** One provider's wire format: how a {@link Reply} looks on the wire for a request of that format. */
interface Wire {

    /**
     * The response for an answer or a disconnect: streamed when the request asks for it, otherwise one JSON body.
     *
     * @param requestJson the request body, already parsed
     * @param sequence the number of this request on the server, making response ids unique
     */
    MockResponse answer(Reply reply, CapturedRequest request, JsonNode requestJson, int sequence);

    /** The error response for {@link Reply#failure()}, in this provider's error shape. */
    MockResponse failure(Reply reply);
}
