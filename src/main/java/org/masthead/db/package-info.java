/**
 * Plumbing: the pooled SQLite or PostgreSQL store, migrated by Flyway before anyone reads. No feature logic.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.db;
