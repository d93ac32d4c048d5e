package cn.onepoint.sla;

import cn.onepoint.auth.Scope;

import java.util.function.Function;

/**
 * A feature's kind of timed subject, published (a CDI producer in the feature) so that the timer engine can scope
 * timers by their subject without importing the feature (docs/security.md, "Scoping").
 *
 * @param type     the timers' subject type
 * @param entity   the JPQL entity name of the subject
 * @param resource how a 404 names the subject ("ticket")
 * @param involves the feature's own scope predicate on that entity, unqualified attributes
 */
public record TimedSubject(SubjectType type, String entity, String resource, Function<Scope, String> involves) {
}
