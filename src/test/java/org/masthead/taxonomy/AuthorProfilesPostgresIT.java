package org.masthead.taxonomy;

import org.masthead.db.Database;

class AuthorProfilesPostgresIT extends AuthorProfilesIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
