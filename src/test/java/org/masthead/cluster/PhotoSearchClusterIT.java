package org.masthead.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.masthead.media.MediaStore;
import org.masthead.media.Photo;
import org.masthead.media.PhotoText;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestCluster;

/** Issue 12: the photo library's search is the site's engine on every node: an upload or a caption edit on one node is found on the other. */
class PhotoSearchClusterIT {
    @Test
    void a_photo_uploaded_and_recaptioned_on_one_node_is_found_by_its_new_words_on_the_other_issue_12() throws Exception {
        try (var cluster = new TestCluster(2)) {
            var a = cluster.node(0).services();
            var b = cluster.node(1).services();
            var photo = a.uploads().upload(Fixtures.jpeg(400, 300, 77), new PhotoText("Farm flooded near the river — Ферма у реки", "REUTERS/Мария Иванова", "", "", "", ""), null);
            assertThat(within(() -> b.mediaStore().search("floods", MediaStore.Filter.ALL, 10, 0)))
                .as("the other node's library finds the new photo, stemmed (no substring search would)").extracting(Photo::id).contains(photo.id());

            int revision = a.mediaStore().textRevision(photo.id());
            long before = a.changes().lastId();
            assertThat(a.mediaStore().updateText(photo.id(), revision - 1, new PhotoText("Stale words", "", "", "", "", ""))).as("a stale form").isFalse();
            assertThat(a.changes().listAfter(before, 10)).as("a refusal logs nothing").isEmpty();
            assertThat(a.mediaStore().updateText(photo.id(), revision, new PhotoText("Harvest resumes after the water receded — Паводок отступил", "REUTERS/Мария Иванова", "", "", "", ""))).isTrue();
            assertThat(a.changes().listAfter(before, 10)).as("the save and its event committed together: no listener had to run for the other node to hear it")
                .extracting(e -> e.change().photoId()).containsExactly(photo.id());
            assertThat(within(() -> b.mediaStore().search("receding паводок", MediaStore.Filter.ALL, 10, 0))).extracting(Photo::id).contains(photo.id());
            assertThat(b.mediaStore().search("floods", MediaStore.Filter.ALL, 10, 0)).as("nor by its old words").isEmpty();
        }
    }

    /** The search's answer once it is non-empty, waiting up to 3 s (the change log is followed every second). */
    private static List<Photo> within(Supplier<List<Photo>> search) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3_000;
        var found = search.get();
        while (found.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            found = search.get();
        }
        return found;
    }
}
