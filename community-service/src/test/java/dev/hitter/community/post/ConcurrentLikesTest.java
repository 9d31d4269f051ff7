package dev.hitter.community.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hitter.community.CommunityApiTestBase;
import dev.hitter.community.TestMembers;
import dev.hitter.kit.security.Member;

/** Many members liking (and liking again) one post at the same moment: the count is the number of members. */
class ConcurrentLikesTest extends CommunityApiTestBase {

	@Autowired
	Posts posts;

	@Autowired
	dev.hitter.community.comment.Comments comments;

	@Test
	void concurrentLikesAndRepeatedLikesKeepTheCountExact() throws Exception {
		UUID post = write(UUID.randomUUID(), "작가", "인기 글", "본문", "QA");
		int members = 24;
		List<Member> likers = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			likers.add(TestMembers.memberObject(UUID.randomUUID(), "fan" + i));
		}
		List<Callable<Void>> tasks = new ArrayList<>();
		for (Member liker : likers) {
			// Each member likes three times at once, and a third of them also take a like back and give it again.
			for (int repeat = 0; repeat < 3; repeat++) {
				tasks.add(() -> {
					posts.like(liker, post);
					return null;
				});
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Void> done : pool.invokeAll(tasks)) {
				done.get();
			}
			List<Callable<Void>> churn = new ArrayList<>();
			for (int i = 0; i < members; i += 3) {
				Member liker = likers.get(i);
				churn.add(() -> {
					posts.unlike(liker, post);
					posts.like(liker, post);
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(churn)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		int counted = jdbc.sql("select likes from posts where id = ?").param(post.toString()).query(Integer.class).single();
		long rows = jdbc.sql("select count(*) from post_likes where post_id = ?").param(post.toString())
			.query(Long.class).single();
		assertThat(rows).isEqualTo(members);
		assertThat(counted).isEqualTo(members);
	}

	@Test
	void concurrentCommentsAndCommentLikesKeepTheirCountsExact() throws Exception {
		UUID post = write(UUID.randomUUID(), "작가", "토론 글", "본문", "QA");
		int members = 16;
		List<Callable<UUID>> comments = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			Member commenter = TestMembers.memberObject(UUID.randomUUID(), "c" + i);
			comments.add(() -> this.comments.create(commenter, post, new dev.hitter.community.comment.CommentForms.NewComment("댓글", null)).id());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<UUID> ids = new ArrayList<>();
			for (Future<UUID> done : pool.invokeAll(comments)) {
				ids.add(done.get());
			}
			UUID liked = ids.get(0);
			List<Callable<Void>> likes = new ArrayList<>();
			for (int i = 0; i < members; i++) {
				Member liker = TestMembers.memberObject(UUID.randomUUID(), "l" + i);
				likes.add(() -> {
					this.comments.like(liker, liked);
					this.comments.like(liker, liked);
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(likes)) {
				done.get();
			}
			assertThat(jdbc.sql("select likes from comments where id = ?").param(liked.toString()).query(Integer.class)
				.single()).isEqualTo(members);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select comments from posts where id = ?").param(post.toString()).query(Integer.class)
			.single()).isEqualTo(members);
	}
}
