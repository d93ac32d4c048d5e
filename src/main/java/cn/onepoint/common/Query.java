package cn.onepoint.common;

import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds a Panache where-clause from optional list filters: a null or empty filter adds nothing. */
public final class Query {

    private final List<String> clauses = new ArrayList<>();
    private final Parameters params = new Parameters();
    private String order = "createdAt desc, id";

    public Query eq(String attribute, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            String p = "p" + clauses.size();
            clauses.add(attribute + " = :" + p);
            params.and(p, value);
        }
        return this;
    }

    /** attr in (values): the TMF630 "comma or repeat for OR" filter. */
    public Query in(String attribute, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            String p = "p" + clauses.size();
            clauses.add(attribute + " in :" + p);
            params.and(p, values);
        }
        return this;
    }

    public Query where(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.and(name, value);
        }
        return this;
    }

    /** A clause that always applies. */
    public Query always(String clause) {
        clauses.add(clause);
        return this;
    }

    public Query orderBy(String order) {
        this.order = order;
        return this;
    }

    public String where() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public String whereOrdered() {
        return where() + " order by " + order;
    }

    public Parameters params() {
        return params;
    }
}
