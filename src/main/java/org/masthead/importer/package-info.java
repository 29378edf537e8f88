/**
 * Moving in: WordPress exports (WXR 1.0–1.2) read as a stream, hostile XML refused. Start at
 * {@link org.masthead.importer.WxrReader}; the import that stores what it reads is issue 11's next step.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.importer;
