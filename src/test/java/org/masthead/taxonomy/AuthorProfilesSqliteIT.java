package org.masthead.taxonomy;

import org.masthead.db.Database;

class AuthorProfilesSqliteIT extends AuthorProfilesIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
