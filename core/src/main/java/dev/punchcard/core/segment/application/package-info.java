/**
 * Segments as marketers use them: previewing a filter (count and a sample), saving,
 * changing and deleting named segments with an audit row each, counting a saved one, and
 * recomputing the RFM classes and churn risks some filters read.
 */
@NullMarked
package dev.punchcard.core.segment.application;

import org.jspecify.annotations.NullMarked;
