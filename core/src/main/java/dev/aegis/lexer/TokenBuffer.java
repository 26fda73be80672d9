package dev.aegis.lexer;

import java.util.Arrays;

/** Tokens as three parallel arrays: no object per token. */
final class TokenBuffer {
  private static final TokenType[] TYPES = TokenType.values();
  private byte[] types;
  private int[] starts;
  private int[] ends;
  private int size;

  TokenBuffer(int capacity) {
    types = new byte[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
  }

  void add(TokenType type, int start, int end) {
    if (size == types.length) {
      int capacity = size * 2;
      types = Arrays.copyOf(types, capacity);
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
    }
    types[size] = (byte) type.ordinal();
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  int size() {
    return size;
  }

  TokenType type(int i) {
    return TYPES[types[i]];
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }
}
