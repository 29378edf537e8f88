package org.masthead.webhooks;

import org.masthead.db.Database;

class WebhooksPostgresIT extends WebhooksIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
