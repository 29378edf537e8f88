/**
 * The content API shell: the OpenAPI document. The API's routes live with their features
 * (article.ArticleApiRoutes, media.PhotoApiRoutes, popularity.PopularApiRoutes); their guard is account.ApiGuard.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.api;
