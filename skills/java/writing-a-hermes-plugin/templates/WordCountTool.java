package com.example.wordcount;

import org.osgi.service.component.annotations.Component;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/** Counts the words of a text. Registered as a Tool service by Declarative Services. */
@Component(service = Tool.class)
public final class WordCountTool implements Tool {

    private static final ToolSpec SPEC = ToolSpec.of("word_count", "word-count",
            "Count the words in a text. Use it when the user asks how long a text is.",
            """
            {"type":"object",
             "properties":{"text":{"type":"string","description":"the text to count"}},
             "required":["text"]}""");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        return false; // reads its arguments only
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        return call.argument("text")
                .map(text -> text.isBlank() ? 0 : text.strip().split("\\s+").length)
                .map(n -> ToolResult.ok("{\"words\":" + n + "}"))
                .orElseGet(() -> ToolResult.error("word_count needs a 'text' argument"));
    }
}
