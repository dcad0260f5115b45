package io.laminardb.core.operator;

/** The context operator tests open operators with: processing time 0, query "q", no side outputs. */
public final class TestOperatorContext implements OperatorContext {
  public static final TestOperatorContext INSTANCE = new TestOperatorContext();

  private TestOperatorContext() {}

  @Override
  public long processingTimeMillis() {
    return 0;
  }

  @Override
  public String queryName() {
    return "q";
  }

  @Override
  public Output sideOutput(String name) {
    throw new UnsupportedOperationException("no side output " + name + " in operator tests");
  }
}
