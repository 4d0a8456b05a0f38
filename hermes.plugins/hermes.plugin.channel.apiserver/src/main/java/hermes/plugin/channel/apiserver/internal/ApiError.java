package hermes.plugin.channel.apiserver.internal;

import java.util.Optional;

/**
 * A request the server answers with an OpenAI-style error object
 * ({@code {"error": {"message", "type", "param", "code"}}}) and an HTTP status. Thrown while a request is read and
 * checked, caught once by the router.
 */
final class ApiError extends Exception {

    private final int status;
    private final String type;
    private final Optional<String> param;
    private final Optional<String> code;

    ApiError(int status, String type, String message, Optional<String> param, Optional<String> code) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** 400: the request is malformed; {@code param} names the field at fault. */
    static ApiError badRequest(String message, String param) {
        return new ApiError(400, "invalid_request_error", message, Optional.of(param), Optional.empty());
    }

    /** 400 with an OpenAI error code ({@code unsupported_content_type}, …). */
    static ApiError badRequest(String message, String param, String code) {
        return new ApiError(400, "invalid_request_error", message, Optional.of(param), Optional.of(code));
    }

    /** Any other client error without a field at fault (401, 403, 404, 405, 409, 413). */
    static ApiError of(int status, String message, String code) {
        return new ApiError(status, "invalid_request_error", message, Optional.empty(), Optional.of(code));
    }

    /** A failure on our side (500, 502, 503, 504). */
    static ApiError server(int status, String message, String code) {
        return new ApiError(status, "server_error", message, Optional.empty(), Optional.of(code));
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    Optional<String> param() {
        return param;
    }

    Optional<String> code() {
        return code;
    }
}
