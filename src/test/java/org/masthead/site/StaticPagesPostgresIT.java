package org.masthead.site;

import org.masthead.db.Database;

class StaticPagesPostgresIT extends StaticPagesIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
