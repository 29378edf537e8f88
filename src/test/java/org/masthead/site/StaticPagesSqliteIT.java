package org.masthead.site;

import org.masthead.db.Database;

class StaticPagesSqliteIT extends StaticPagesIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
