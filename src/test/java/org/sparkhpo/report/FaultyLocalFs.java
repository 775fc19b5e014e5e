package org.sparkhpo.report;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.util.Progressable;

/**
 * Local file systems under made-up schemes that fail one kind of operation: {@code rofile:} refuses to create
 * files (as a read-only mount does, which a test running as root cannot get from file permissions), and
 * {@code norename:} refuses to rename. Both take the non-local {@link ReplaceMethod#RENAME_OVERWRITE} path.
 */
final class FaultyLocalFs {
    private FaultyLocalFs() {
    }

    /** @return a Hadoop configuration that binds both schemes */
    static Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set("fs.AbstractFileSystem.rofile.impl", ReadOnly.class.getName());
        conf.set("fs.AbstractFileSystem.norename.impl", NoRename.class.getName());
        return conf;
    }

    /** The {@code rofile:} file system. */
    public static final class ReadOnly extends DelegateToFileSystem {
        public ReadOnly(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(uri, new ReadOnlyLocal(), conf, "rofile", false);
        }
    }

    /** The {@code norename:} file system. */
    public static final class NoRename extends DelegateToFileSystem {
        public NoRename(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(uri, new NoRenameLocal(), conf, "norename", false);
        }
    }

    // The URIs are constants because RawLocalFileSystem's constructor already calls getUri().
    private static final class ReadOnlyLocal extends RawLocalFileSystem {
        private static final URI URI_OF_SCHEME = URI.create("rofile:///");

        @Override
        public URI getUri() {
            return URI_OF_SCHEME;
        }

        @Override
        public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                short replication, long blockSize, Progressable progress) throws IOException {
            throw new AccessControlException("Permission denied: " + f + " is on a read-only file system");
        }
    }

    private static final class NoRenameLocal extends RawLocalFileSystem {
        private static final URI URI_OF_SCHEME = URI.create("norename:///");

        @Override
        public URI getUri() {
            return URI_OF_SCHEME;
        }

        @Override
        public boolean rename(Path src, Path dst) throws IOException {
            throw new IOException("rename refused: " + src);
        }
    }
}
