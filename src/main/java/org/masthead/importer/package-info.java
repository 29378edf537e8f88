/**
 * Moving in and out with WordPress: exports (WXR 1.0–1.2) read as a stream with hostile XML refused
 * ({@link org.masthead.importer.WxrReader}), imported in checkpointed batches with their photos and old
 * addresses ({@link org.masthead.importer.WxrImport}, CLI and the newsroom's Import page), and the site
 * written back out as WXR 1.2 ({@link org.masthead.importer.WxrExport}).
 */
@org.jspecify.annotations.NullMarked
package org.masthead.importer;
