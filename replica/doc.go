// Package replica keeps a process's index in step with a corpus folder
// that other processes change too: several HTTP-endpoint replicas behind a
// load balancer, each with its own index folder, sharing one corpus folder.
// A Follower looks at the folder every interval (file names, sizes and
// modification times; a file whose size or time changed is hashed) and,
// when a file was added, changed or removed by someone else, reindexes. The
// changes this process makes itself (through Follower.Moderator) are
// already in its index and are not reindexed again.
package replica
