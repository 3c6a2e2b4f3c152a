package app.kadr.sharing;

import app.kadr.shared.AccessRule;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A share link and a client's comment are their project's; a revoked link or a deleted comment is nobody's. */
final class SharingAccess {

    private SharingAccess() {}

    @Component
    static class LinkRule implements AccessRule {

        private final ShareLinks links;

        LinkRule(ShareLinks links) {
            this.links = links;
        }

        @Override
        public OwnedKind kind() {
            return OwnedKind.SHARE_LINK;
        }

        @Override
        public Optional<Holder> holderOf(UUID id, boolean trashed) {
            return trashed ? Optional.empty() : links.projectOf(id).map(SharingAccess::inProject);
        }
    }

    @Component
    static class CommentRule implements AccessRule {

        private final Comments comments;

        CommentRule(Comments comments) {
            this.comments = comments;
        }

        @Override
        public OwnedKind kind() {
            return OwnedKind.COMMENT;
        }

        @Override
        public Optional<Holder> holderOf(UUID id, boolean trashed) {
            return trashed ? Optional.empty() : comments.projectOf(id).map(SharingAccess::inProject);
        }
    }

    private static AccessRule.Holder inProject(UUID projectId) {
        return AccessRule.Holder.inside(OwnedKind.PROJECT, projectId);
    }
}
