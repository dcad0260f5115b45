package io.laminardb;

import java.util.List;

/** The graph of sources, streams, views and sinks: nodes plus edges from input to reader. */
public record PipelineTopology(List<Node> nodes, List<Edge> edges) {
  /** @param kind SOURCE, STREAM, MATERIALIZED VIEW, SINK or TABLE */
  public record Node(String name, String kind, String sql) {}

  public record Edge(String from, String to) {}
}
