package cn.onepoint.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entities and the Flyway migrations agree on every column's type. Dev mode runs Hibernate's schema
 * validation at each start and logs {@code ERROR Failed to validate Schema: wrong column type [x] found [text]
 * expecting [varchar(255)]} for any column where they do not; that validation exists in dev mode only, so this
 * test makes the same comparison: the type Hibernate would create for each mapped column (its
 * {@code columnDefinition}, else the dialect's type for the column's JDBC type) against the migrated column.
 */
@QuarkusTest
class SchemaMappingTest {

    @Inject
    AgroalDataSource jdbc;
    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void everyMappedColumnHasTheTypeTheMigrationsCreate() throws SQLException {
        List<String> mismatches = mismatches();
        assertEquals(List.of(), mismatches, "entity columns whose type differs from the migrated schema "
                + "(add @Column(columnDefinition = \"…\") or fix the migration)");
    }

    /** The comparison above can fail: a column whose type moved away from the mapping is reported. */
    @Test
    void aColumnTypeTheEntityDoesNotExpectIsReported() throws SQLException {
        execute("alter table calendar_year alter column source type text");
        try {
            List<String> mismatches = mismatches();
            assertTrue(mismatches.stream().anyMatch(m -> m.startsWith("calendar_year.source:")),
                    "expected calendar_year.source to be reported, got " + mismatches);
        } finally {
            execute("alter table calendar_year alter column source type varchar(500)");
        }
        assertEquals(List.of(), mismatches());
    }

    private List<String> mismatches() throws SQLException {
        Map<String, String> actual = new HashMap<>();
        try (Connection c = jdbc.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name, column_name, data_type from information_schema.columns "
                     + "where table_schema = current_schema()")) {
            while (rs.next()) {
                actual.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
            }
        }
        MappingMetamodel model = (MappingMetamodel) sessions.getMetamodel();
        var ddlTypes = model.getTypeConfiguration().getDdlTypeRegistry();
        TreeSet<String> out = new TreeSet<>();
        List<String> columns = new ArrayList<>();
        model.forEachEntityDescriptor(entity -> entity.forEachSelectable((i, column) -> {
            if (column.isFormula()) {
                return;
            }
            String key = column.getContainingTableExpression() + "." + column.getSelectionExpression();
            String expected = column.getColumnDefinition() != null ? column.getColumnDefinition()
                    : ddlTypes.getTypeName(column.getJdbcMapping().getJdbcType().getDdlTypeCode(),
                    // as at boot: a column that names no length gets the default one
                    column.getLength() != null ? column.getLength() : Size.DEFAULT_LENGTH,
                    column.getPrecision() != null ? column.getPrecision() : column.getTemporalPrecision(), column.getScale());
            columns.add(key);
            String found = actual.get(key);
            if (found == null) {
                out.add(key + ": no such column in the schema");
            } else if (!canonical(expected).equals(canonical(found))) {
                out.add(key + ": found " + found + ", the entity expects " + expected);
            }
        }));
        assertTrue(columns.size() > 100, "the mapping metamodel lists the entities' columns: " + columns.size());
        return List.copyOf(out);
    }

    /** A type name as Hibernate writes it or as information_schema reports it, reduced to one spelling. */
    static String canonical(String type) {
        String t = type.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", "").replaceAll("\\s+", " ").trim();
        return switch (t) {
            case "varchar", "character varying" -> "varchar";
            case "char", "character", "bpchar" -> "char";
            case "float", "float8", "double precision" -> "float8";
            case "int", "int4", "integer" -> "int4";
            case "int8", "bigint" -> "int8";
            case "int2", "smallint", "tinyint" -> "int2";
            case "bool", "boolean" -> "bool";
            case "timestamptz", "timestamp with time zone" -> "timestamptz";
            default -> t;
        };
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = jdbc.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
