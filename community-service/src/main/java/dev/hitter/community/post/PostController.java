package dev.hitter.community.post;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.community.CommunityApiDocs;
import dev.hitter.community.paging.CursorPage;
import dev.hitter.community.paging.PageSize;
import dev.hitter.community.snapshot.BearerToken;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The board's posts: list, search, write, read, change, delete and like. */
@RestController
@RequestMapping(PostController.BASE)
@Tag(name = "Community posts", description = "Posts of the community board, their likes and search")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class PostController {

	static final String BASE = "/api/v1/community/posts";

	private final Posts posts;

	PostController(Posts posts) {
		this.posts = posts;
	}

	@Operation(summary = "List posts",
			description = "Visible posts, a page at a time (keyset: pass nextCursor back as cursor). Sorted newest "
					+ "first, or by likes or comments (ties newest first). author=me lists the caller's own posts.")
	@ApiResponse(responseCode = "200", description = "A page of posts; nextCursor null on the last page")
	@ApiResponse(responseCode = "400",
			description = "validation-failed: category, sort, author, size or cursor (errors names it)",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping
	CursorPage<PostSummary> list(Member member,
			@Parameter(description = "FEEDBACK, INDUSTRY_NEWS, QA or FREE_TALK") @RequestParam(required = false)
			String category,
			@Parameter(description = "newest (default), likes or comments") @RequestParam(required = false)
			String sort, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int size,
			@Parameter(description = "'me' for the caller's own posts") @RequestParam(required = false)
			String author) {
		if (author != null && !author.equals("me")) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "author", "must be 'me' or absent");
		}
		return posts.list(member, category(category), author != null, PostSort.parse(sort), cursor,
				PageSize.checked(size));
	}

	@Operation(summary = "Search posts",
			description = "Posts whose title or body holds every word of q, in Korean or English (a word with a "
					+ "particle finds its stem: 히트곡을 finds 히트곡), newest first. highlights marks each match between "
					+ "\\u0001 and \\u0002 (not HTML). A query of stop words only finds nothing.")
	@ApiResponse(responseCode = "200", description = "A page of matching posts with highlights")
	@ApiResponse(responseCode = "400", description = "validation-failed: q, category, size or cursor",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/search")
	CursorPage<PostSummary> search(Member member, @RequestParam(required = false) String q,
			@RequestParam(required = false) String category, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int size) {
		if (q == null || q.isBlank() || q.length() > 200) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "q", "must be 1 to 200 characters");
		}
		return posts.search(member, q, category(category), cursor, PageSize.checked(size));
	}

	@Operation(summary = "Write a post",
			description = "With predictionId, embeds a snapshot of one of the caller's own analyses (its figures, "
					+ "never its audio), fetched from prediction-service with the caller's token; confirmShareFigures "
					+ "must be true. If prediction-service does not answer within a second, nothing is written (503). Needs a "
					+ "verified e-mail address.")
	@ApiResponse(responseCode = "201", description = "The post as written")
	@ApiResponse(responseCode = "400",
			description = "validation-failed: title, body, category or confirmShareFigures; malformed-request: not "
					+ "JSON of this shape",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "email-unverified: the member has not verified their e-mail "
			+ "address yet", content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: predictionId is not one of the caller's analyses",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503",
			description = "dependency-unavailable: prediction-service did not answer; nothing was written",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping
	ResponseEntity<Post> create(Member member, @Valid @RequestBody PostForms.NewPost form) {
		member.requireVerifiedEmail();
		String token = form.predictionId() == null ? null : BearerToken.current();
		Post post = posts.create(member, token, form);
		return ResponseEntity.created(URI.create(BASE + "/" + post.id())).body(post);
	}

	@Operation(summary = "Read a post",
			description = "The post with its body and embedded analysis snapshot; counts a view (in memory, added "
					+ "to the database periodically).")
	@ApiResponse(responseCode = "200", description = "The post")
	@ApiResponse(responseCode = "404", description = "not-found: no such post, or removed by an administrator",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/{id}")
	Post read(Member member, @PathVariable UUID id) {
		return posts.read(member, id);
	}

	@Operation(summary = "Change my post", description = "Only the author; anyone else gets 404.")
	@ApiResponse(responseCode = "200", description = "The post as changed")
	@ApiResponse(responseCode = "400", description = "validation-failed: title, body or category",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such post of the caller's",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PatchMapping("/{id}")
	Post change(Member member, @PathVariable UUID id, @Valid @RequestBody PostForms.PostChanges changes) {
		return posts.change(member, id, changes);
	}

	@Operation(summary = "Delete my post", description = "Only the author; anyone else gets 404. Its comments and "
			+ "likes go with it.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "not-found: no such post of the caller's",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Member member, @PathVariable UUID id) {
		posts.delete(member, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Like a post", description = "Idempotent: liking twice counts once.")
	@ApiResponse(responseCode = "204", description = "The caller likes the post")
	@ApiResponse(responseCode = "404", description = "not-found: no such post",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PutMapping("/{id}/like")
	ResponseEntity<Void> like(Member member, @PathVariable UUID id) {
		posts.like(member, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Take back a like", description = "Idempotent: no like, nothing to take back.")
	@ApiResponse(responseCode = "204", description = "The caller does not like the post")
	@ApiResponse(responseCode = "404", description = "not-found: no such post",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@DeleteMapping("/{id}/like")
	ResponseEntity<Void> unlike(Member member, @PathVariable UUID id) {
		posts.unlike(member, id);
		return ResponseEntity.noContent().build();
	}

	private static Category category(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.matches(Category.PATTERN)) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "category", Category.MESSAGE);
		}
		return Category.valueOf(value);
	}
}
