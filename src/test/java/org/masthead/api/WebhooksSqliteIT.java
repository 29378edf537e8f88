package org.masthead.api;

import org.masthead.db.Database;

class WebhooksSqliteIT extends WebhooksIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
