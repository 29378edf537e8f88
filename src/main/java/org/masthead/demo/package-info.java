/**
 * Synthetic demo content for ./masthead demo, made through the real use cases it is handed.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.demo;
