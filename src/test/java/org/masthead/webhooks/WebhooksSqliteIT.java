package org.masthead.webhooks;

import org.masthead.db.Database;

class WebhooksSqliteIT extends WebhooksIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
