/**
 * The golden SQL corpus runner: a parser for LaminarDB's sqllogictest dialect ({@link
 * io.laminardb.testing.slt.SltParser}, which documents the dialect) and a runner that executes {@code .slt}
 * files against a fresh embedded database each ({@link io.laminardb.testing.slt.SltRunner}).
 */
package io.laminardb.testing.slt;
