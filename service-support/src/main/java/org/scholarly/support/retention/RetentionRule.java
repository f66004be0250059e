package org.scholarly.support.retention;

/**
 * One kind of row a service prunes.
 *
 * @param name      the rule's name in logs and metrics
 * @param period    the key of its period under {@code scholarly.retention.keep} (rules may share one)
 * @param table     the table to delete from
 * @param olderThan a condition on that table's rows with exactly one {@code ?}: the cutoff instant (timestamptz);
 *                  the rows it matches are deleted. Service code, never input.
 */
public record RetentionRule(String name, String period, String table, String olderThan) {
}
