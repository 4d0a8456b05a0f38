package com.example.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.testing.FakeToolContext;

class WordCountToolTest {

    @TempDir
    Path dir;

    @Test
    void countsWordsSeparatedByAnyWhitespace() throws Exception {
        ToolResult result = new WordCountTool().call(
                new ToolCall("call_1", "word_count", "{\"text\":\"one  two\\nthree\"}"), new FakeToolContext(dir));
        assertEquals(ToolResult.ok("{\"words\":3}"), result);
    }

    @Test
    void missingTextIsAnErrorTheModelCanRead() throws Exception {
        ToolResult result = new WordCountTool().call(new ToolCall("call_1", "word_count", "{}"), new FakeToolContext(dir));
        assertEquals(ToolResult.error("word_count needs a 'text' argument"), result);
    }
}
