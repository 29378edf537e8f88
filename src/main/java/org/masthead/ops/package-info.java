/**
 * Operations: health and Prometheus metrics.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.ops;
