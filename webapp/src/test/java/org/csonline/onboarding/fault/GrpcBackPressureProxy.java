package org.csonline.onboarding.fault;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gRPC proxy on loopback in front of the engine's gateway that answers a share of the chosen commands with
 * RESOURCE_EXHAUSTED, as a loaded Zeebe cluster does (back-pressure), and forwards everything else unchanged, in both
 * directions and for streaming calls too. Messages pass as bytes; the proxy knows nothing of the gateway's protocol.
 * Modelled on grpc-java's own GrpcProxy example.
 */
public final class GrpcBackPressureProxy implements AutoCloseable {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final ManagedChannel engine;
    private final Server server;
    private final Set<String> methods;
    private volatile int rejectEvery;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    private GrpcBackPressureProxy(int enginePort, Set<String> methods, int rejectEvery) throws IOException {
        this.methods = methods;
        this.rejectEvery = rejectEvery;
        this.engine = NettyChannelBuilder.forAddress("127.0.0.1", enginePort).usePlaintext().build();
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .fallbackHandlerRegistry(new Registry()).build().start();
    }

    /**
     * @param methods     gateway methods to push back on (e.g. {@code PublishMessage}), by their simple names
     * @param rejectEvery every n-th call of those methods is answered RESOURCE_EXHAUSTED
     */
    public static GrpcBackPressureProxy to(int enginePort, Set<String> methods, int rejectEvery) {
        try {
            return new GrpcBackPressureProxy(enginePort, methods, rejectEvery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String grpcAddress() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Pushes back on every n-th chosen call until the returned handle is closed. */
    public PushBack pushBackEvery(int n) {
        int before = rejectEvery;
        rejectEvery = n;
        return () -> rejectEvery = before;
    }

    /** Ends a period of back-pressure. */
    public interface PushBack extends AutoCloseable {
        @Override
        void close();
    }

    /** Calls answered RESOURCE_EXHAUSTED so far. */
    public int rejected() {
        return rejected.get();
    }

    /** Calls of the chosen methods so far (rejected or forwarded). */
    public int calls() {
        return calls.get();
    }

    private boolean reject(String fullMethodName) {
        String simple = fullMethodName.substring(fullMethodName.lastIndexOf('/') + 1);
        if (!methods.contains(simple)) {
            return false;
        }
        if (calls.incrementAndGet() % rejectEvery == 0) {
            rejected.incrementAndGet();
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.shutdownNow();
        engine.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
            engine.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Registry extends HandlerRegistry {
        @Override
        public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
            MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                    .setFullMethodName(methodName).setType(MethodDescriptor.MethodType.UNKNOWN)
                    .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
            return ServerMethodDefinition.create(method, new Forward(method));
        }
    }

    private final class Forward implements ServerCallHandler<byte[], byte[]> {
        private final MethodDescriptor<byte[], byte[]> method;

        Forward(MethodDescriptor<byte[], byte[]> method) {
            this.method = method;
        }

        @Override
        public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> serverCall, Metadata headers) {
            if (reject(method.getFullMethodName())) {
                serverCall.close(Status.RESOURCE_EXHAUSTED.withDescription(
                        "Expected to handle gRPC request, but request could not be processed (injected back-pressure)"),
                        new Metadata());
                return new ServerCall.Listener<>() { };
            }
            ClientCall<byte[], byte[]> clientCall = engine.newCall(method, CallOptions.DEFAULT);
            CallPair pair = new CallPair(serverCall, clientCall);
            clientCall.start(pair.responses, headers);
            serverCall.request(1);
            clientCall.request(1);
            return pair.requests;
        }
    }

    /** One call through the proxy: requests from the app to the engine, responses back, with flow control. */
    private static final class CallPair {
        final Requests requests;
        final Responses responses;

        CallPair(ServerCall<byte[], byte[]> serverCall, ClientCall<byte[], byte[]> clientCall) {
            requests = new Requests(clientCall);
            responses = new Responses(serverCall);
        }

        final class Requests extends ServerCall.Listener<byte[]> {
            private final ClientCall<byte[], byte[]> clientCall;
            private boolean needToRequest;

            Requests(ClientCall<byte[], byte[]> clientCall) {
                this.clientCall = clientCall;
            }

            @Override
            public void onCancel() {
                clientCall.cancel("cancelled by the app", null);
            }

            @Override
            public void onHalfClose() {
                clientCall.halfClose();
            }

            @Override
            public void onMessage(byte[] message) {
                clientCall.sendMessage(message);
                synchronized (this) {
                    if (clientCall.isReady()) {
                        responses.serverCall.request(1);
                    } else {
                        needToRequest = true;
                    }
                }
            }

            @Override
            public void onReady() {
                responses.onServerReady();
            }

            synchronized void onClientReady() {
                if (needToRequest) {
                    responses.serverCall.request(1);
                    needToRequest = false;
                }
            }
        }

        final class Responses extends ClientCall.Listener<byte[]> {
            private final ServerCall<byte[], byte[]> serverCall;
            private boolean needToRequest;

            Responses(ServerCall<byte[], byte[]> serverCall) {
                this.serverCall = serverCall;
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                try {
                    serverCall.close(status, trailers);
                } catch (IllegalStateException alreadyClosed) {
                    // the app cancelled first
                }
            }

            @Override
            public void onHeaders(Metadata headers) {
                serverCall.sendHeaders(headers);
            }

            @Override
            public void onMessage(byte[] message) {
                serverCall.sendMessage(message);
                synchronized (this) {
                    if (serverCall.isReady()) {
                        requests.clientCall.request(1);
                    } else {
                        needToRequest = true;
                    }
                }
            }

            @Override
            public void onReady() {
                requests.onClientReady();
            }

            synchronized void onServerReady() {
                if (needToRequest) {
                    requests.clientCall.request(1);
                    needToRequest = false;
                }
            }
        }
    }
}
