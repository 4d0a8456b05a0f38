package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Test helpers around real {@code state.db} files: the original's fixture and raw SQL looks at a file. */
final class StateFiles {

    static final Path FIXTURE = Path.of("/work/shared/reference/fixtures/hermes-home/state.db");

    private StateFiles() {
    }

    /** A writable copy of the original's database (the fixture itself is read-only). */
    static Path copyOfFixture(Path directory) throws IOException {
        Path copy = directory.resolve("state.db");
        Files.copy(FIXTURE, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setWritable(true);
        return copy;
    }

    /** Every {@code sqlite_master} entry as "type name tbl_name: sql", in creation order. */
    static List<String> schemaOf(Path database) throws SQLException {
        return column(database, "SELECT type || ' ' || name || ' ' || tbl_name || ': ' || coalesce(sql, '') "
                + "FROM sqlite_master ORDER BY rowid");
    }

    /** The first column of every row of {@code sql}, as text. */
    static List<String> column(Path database, String sql) throws SQLException {
        try (Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + database, new Properties());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
