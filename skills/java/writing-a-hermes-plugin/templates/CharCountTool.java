package com.example.plain;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/** Listed in META-INF/services/hermes.api.Tool; Hermes creates it with the public no-argument constructor. */
public final class CharCountTool implements Tool {

    private static final ToolSpec SPEC = ToolSpec.of("char_count", "char-count",
            "Count the characters in a text.",
            "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}");

    public CharCountTool() {
    }

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
        return call.argument("text")
                .map(text -> ToolResult.ok("{\"characters\":" + text.codePointCount(0, text.length()) + "}"))
                .orElseGet(() -> ToolResult.error("char_count needs a 'text' argument"));
    }
}
