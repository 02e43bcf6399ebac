package io.quanyu.chatbot.domain.ml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV quoting rules and named-column reading. */
class CsvReaderTest {

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() throws IOException {
        String csv = "\uFEFFtext,label\r\n\"Hello, \"\"world\"\"\nsecond line\",greet\nplain,x\n\"\",empty\n";
        List<List<String>> rows = CsvReader.readAll(new StringReader(csv));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly("text", "label");
        assertThat(rows.get(1)).containsExactly("Hello, \"world\"\nsecond line", "greet");
        assertThat(rows.get(2)).containsExactly("plain", "x");
        assertThat(rows.get(3)).containsExactly("", "empty");
    }

    @Test
    void readsQuotedCommasEscapedQuotesAndLineBreaksWithCrlfLineEnds(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("titles.csv");
        Files.writeString(f, "category,text\r\n"
                + "film,\"Deer Hunter, The (1978)\"\r\n"
                + "greet,\"She said \"\"hi\"\", then left\"\r\n"
                + "multi,\"first line\r\nsecond, line\"\r\n"
                + "\r\n"
                + "plain,no quotes at all\r\n", StandardCharsets.UTF_8);
        assertThat(CsvReader.read(f, "text", "category")).containsExactly(
                new LabelledText("Deer Hunter, The (1978)", "film"),
                new LabelledText("She said \"hi\", then left", "greet"),
                new LabelledText("first line\r\nsecond, line", "multi"),
                new LabelledText("no quotes at all", "plain"));
    }

    @Test
    void malformedQuotingFailsWithTheFileAndLineInsteadOfBeingMisread(@TempDir Path dir) throws IOException {
        Path trailing = dir.resolve("trailing.csv");
        Files.writeString(trailing, "text,label\n\"fine\",a\n\"Deer Hunter, The\" (1978),b\n", StandardCharsets.UTF_8);
        Path open = dir.resolve("open.csv");
        Files.writeString(open, "text,label\nfine,a\n\"never closed,b\nlast,c\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvReader.read(trailing, "text", "label")).isInstanceOf(IOException.class)
                .hasMessageContaining("trailing.csv").hasMessageContaining("line: 3");
        assertThatThrownBy(() -> CsvReader.read(open, "text", "label")).isInstanceOf(IOException.class)
                .hasMessageContaining("open.csv").hasMessageContaining("startline 3");
    }

    @Test
    void readsNamedColumnsInAnyOrderAndSkipsBlankRows(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, "cat,label,review\n书籍,1,\"好书，推荐\"\n水果,0,\n水果,0,不新鲜\n", StandardCharsets.UTF_8);
        List<LabelledText> rows = CsvReader.read(f, "review", "label");
        assertThat(rows).containsExactly(new LabelledText("好书，推荐", "1"), new LabelledText("不新鲜", "0"));
        assertThatThrownBy(() -> CsvReader.read(f, "text", "label")).isInstanceOf(IllegalArgumentException.class);
    }
}
