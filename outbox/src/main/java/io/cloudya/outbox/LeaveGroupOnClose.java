package io.cloudya.outbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.kafka.core.ConsumerPostProcessor;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * A static member ({@link StaticGroupMembership}) that closes normally stays in its group until its session expires:
 * Kafka expects it back under the same name. Spring's listener containers close their consumers with
 * {@code close()}, so this wraps each consumer to close with {@link GroupMembershipOperation#LEAVE_GROUP} (KIP-1092)
 * instead: a stopped process hands its partitions over at once, as a dynamic member does. A container also calls
 * {@code unsubscribe()} right before that close, and a static member's unsubscribe forgets its member id without
 * telling the coordinator, after which the close could no longer leave; so unsubscribe is left to the close, which
 * revokes the partitions (the container's commit on revocation included) as it leaves. Every other call goes
 * straight to the consumer.
 */
public final class LeaveGroupOnClose<K, V> implements ConsumerPostProcessor<K, V> {

    private static final CloseOptions LEAVE = CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP);

    /** Wraps every consumer the factory makes from now on. */
    public static <K, V> void addTo(DefaultKafkaConsumerFactory<K, V> factory) {
        factory.addPostProcessor(new LeaveGroupOnClose<>());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Consumer<K, V> apply(Consumer<K, V> consumer) {
        return (Consumer<K, V>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, (proxy, method, args) -> invoke(consumer, proxy, method, args));
    }

    private static Object invoke(Consumer<?, ?> consumer, Object proxy, Method method, Object[] args) throws Throwable {
        if (isPlainClose(method)) {
            consumer.close(LEAVE);
            return null;
        }
        if (isNoArgument(method, "unsubscribe")) {
            return null;
        }
        if (method.getName().equals("equals") && method.getParameterCount() == 1) {
            return proxy == args[0];
        }
        try {
            return method.invoke(consumer, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isPlainClose(Method method) {
        return isNoArgument(method, "close");
    }

    private static boolean isNoArgument(Method method, String name) {
        return method.getName().equals(name) && method.getParameterCount() == 0;
    }
}
