package io.laminardb;

/** Lifecycle of the database's pipeline. */
public enum PipelineState {
  CREATED,
  RUNNING,
  SHUTTING_DOWN,
  STOPPED,
  FAULTED
}
