package com.axpay.doctor;

/** Bad command line or unreadable input: the doctor prints the message and the usage, and exits with 64. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
