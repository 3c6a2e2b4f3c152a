/**
 * Durable background work on db-scheduler: tasks are rows in the database, so they survive restarts and
 * crashes. Features declare their tasks as beans and schedule them through {@code SchedulerClient}.
 */
@NullMarked
package app.kadr.jobs;

import org.jspecify.annotations.NullMarked;
