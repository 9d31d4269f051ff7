/** Korean and English search over posts: Lucene analysis in Java, a portable FULLTEXT index in the database. */
package dev.hitter.community.search;
