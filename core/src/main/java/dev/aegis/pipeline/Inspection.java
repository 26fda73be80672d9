package dev.aegis.pipeline;

import dev.aegis.detect.Verdict;

/**
 * The judgement on one statement without running it: its digest and its verdict as enforce mode would
 * act. What {@code aegis inspect} prints.
 *
 * @param digest the statement's shape, literals replaced by {@code ?}
 * @param verdict the verdict
 */
public record Inspection(String digest, Verdict verdict) {}
