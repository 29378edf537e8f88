/**
 * Site settings: what admins set in the newsroom (name, tagline, language, time zone, accent colour,
 * header and footer links, logo and default social image) over what the operator configured; a key
 * set in the configuration wins and is named on the settings page. Start at {@link org.masthead.settings.Settings}.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.settings;
