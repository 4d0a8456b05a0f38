package hermes.plugin.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FtsQueryTest {

    @Test
    void plainWordsPassThrough() {
        assertThat(FtsQuery.sanitise("release checklist")).isEqualTo("release checklist");
    }

    @Test
    void balancedPhrasesAreKeptAndUnmatchedQuotesDropped() {
        assertThat(FtsQuery.sanitise("\"exact phrase\" other \"dangling")).isEqualTo("\"exact phrase\" other dangling");
    }

    @Test
    void hyphenatedAndDottedTermsBecomePhrases() {
        assertThat(FtsQuery.sanitise("chat-send P2.2 my-app.config.ts")).isEqualTo(
                "\"chat-send\" \"P2.2\" \"my-app.config.ts\"");
        assertThat(FtsQuery.sanitise("deploy-scr*")).isEqualTo("\"deploy-scr\"*");
    }

    @Test
    void syntaxCharactersAndStrayStarsAreRemoved() {
        assertThat(FtsQuery.sanitise("(foo) +bar ^baz {x} col:val ***qux ab**")).isEqualTo(
                "foo bar baz x col val qux ab*");
    }

    @Test
    void danglingOperatorsAtEitherEndAreRemoved() {
        assertThat(FtsQuery.sanitise("AND foo OR bar NOT")).isEqualTo("foo OR bar");
        assertThat(FtsQuery.sanitise("or")).isEmpty();
    }

    @Test
    void cjkQueriesGoToTheTrigramIndexWhenLongEnough() {
        assertThat(FtsQuery.needsTrigram("会議")).isTrue();
        assertThat(FtsQuery.needsTrigram("한국어")).isTrue();
        assertThat(FtsQuery.needsTrigram("meeting notes")).isFalse();
        assertThat(FtsQuery.trigramCanMatch("会議は")).isTrue();
        assertThat(FtsQuery.trigramCanMatch("会議")).isFalse();
    }
}
