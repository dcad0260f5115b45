package io.laminardb.core.checkpoint;

/**
 * The marker that separates the input a checkpoint includes from the input after it (Chandy-Lamport).
 *
 * <p>In a multi-threaded executor the coordinator injects a barrier into every source; an operator with
 * several inputs buffers the inputs that already delivered the barrier until all of them have (alignment),
 * then snapshots its state and forwards the barrier. In LaminarDB every step runs on the one compute thread,
 * and a barrier is itself a step: when it runs, every earlier step has passed through every operator and no
 * later one has started, so all inputs of every operator are aligned by construction and the snapshot is
 * taken without buffering anything. An executor with more threads keeps this type and the manifest, and
 * adds per-input alignment where the barrier meets an operator.
 *
 * @param checkpointId the checkpoint this barrier starts
 * @param epoch the sink epoch it closes
 * @param timestampMs processing time at injection
 */
public record CheckpointBarrier(long checkpointId, long epoch, long timestampMs) {}
