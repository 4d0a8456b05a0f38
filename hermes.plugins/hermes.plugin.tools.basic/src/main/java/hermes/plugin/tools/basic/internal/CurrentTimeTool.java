package hermes.plugin.tools.basic.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.osgi.service.component.annotations.Component;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/** {@code current_time}: the date and time now, in the machine's zone or a named one. */
@Component(service = Tool.class)
public final class CurrentTimeTool implements Tool {

    private static final ToolSpec SPEC = ToolSpec.of("current_time", "basic",
            "Get the current date and time (ISO 8601), in the machine's time zone or the given IANA zone.",
            "{\"type\":\"object\",\"properties\":{\"timezone\":{\"type\":\"string\","
                    + "\"description\":\"IANA zone such as Europe/Paris; the machine's zone when omitted\"}}}");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        return false;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        try {
            ZoneId zone = call.argument("timezone").map(ZoneId::of).orElse(ZoneId.systemDefault());
            return ToolResult.ok(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(zone))
                    + " (" + zone.getId() + ")");
        } catch (DateTimeException e) {
            return ToolResult.error("unknown time zone: " + e.getMessage() + "; use an IANA name like Europe/Paris");
        }
    }
}
