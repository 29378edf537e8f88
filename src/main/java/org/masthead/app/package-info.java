/**
 * The composition root: configuration (AppConfig), the command line (Main) and App, which creates and
 * wires every store, use case, job and route. Nothing else lives here.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.app;
