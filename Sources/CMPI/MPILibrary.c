// Open MPI loaded at run time (see CMPI.h). The function types follow the MPI standard's C
// bindings, with Open MPI's handle types (pointers) written as void *.
#include "CMPI.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void *Handle;

static int (*p_init_thread)(int *, char ***, int, int *);
static int (*p_initialized)(int *);
static int (*p_finalized)(int *);
static int (*p_finalize)(void);
static int (*p_comm_rank)(Handle, int *);
static int (*p_comm_size)(Handle, int *);
static int (*p_isend)(const void *, int, Handle, int, int, Handle, Handle *);
static int (*p_irecv)(void *, int, Handle, int, int, Handle, Handle *);
static int (*p_waitall)(int, Handle *, void *);
static int (*p_bcast)(void *, int, Handle, int, Handle);
static int (*p_iallreduce)(const void *, void *, int, Handle, Handle, Handle, Handle *);
static int (*p_barrier)(Handle);
static int (*p_error_string)(int, char *, int *);
static Handle comm_world;
static Handle byte_type;
static Handle int_type;
static Handle min_op;
static int loaded;

// MPI_THREAD_FUNNELED in the MPI standard's numbering (Open MPI: 1).
enum { THREAD_FUNNELED = 1 };
// MPI_MAX_ERROR_STRING in Open MPI.
enum { MAX_ERROR_STRING = 256 };

int bkmpi_load(char *message, size_t capacity) {
    if (loaded) return 0;
    // BRAINKIT_MPI_LIBRARY names another libmpi (a path, or a name the loader searches).
    const char *chosen = getenv("BRAINKIT_MPI_LIBRARY");
    const char *names[] = {"libmpi.so.40", "libmpi.so"};
    void *library = NULL;
    if (chosen != NULL && chosen[0] != 0) {
        library = dlopen(chosen, RTLD_NOW | RTLD_GLOBAL);
    } else {
        for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
            library = dlopen(names[i], RTLD_NOW | RTLD_GLOBAL);
        }
    }
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(message, capacity, "%s cannot be loaded (%s)", chosen && chosen[0] ? chosen : "libmpi.so.40 (Open MPI)",
                 reason ? reason : "not found");
        return -1;
    }
#define FIND(pointer, symbol)                                                                   \
    do {                                                                                       \
        *(void **)(&pointer) = dlsym(library, symbol);                                         \
        if (pointer == NULL) {                                                                 \
            snprintf(message, capacity, "the loaded libmpi has no %s (BrainKit needs Open MPI)", symbol); \
            return -1;                                                                         \
        }                                                                                      \
    } while (0)
    FIND(p_init_thread, "MPI_Init_thread");
    FIND(p_initialized, "MPI_Initialized");
    FIND(p_finalized, "MPI_Finalized");
    FIND(p_finalize, "MPI_Finalize");
    FIND(p_comm_rank, "MPI_Comm_rank");
    FIND(p_comm_size, "MPI_Comm_size");
    FIND(p_isend, "MPI_Isend");
    FIND(p_irecv, "MPI_Irecv");
    FIND(p_waitall, "MPI_Waitall");
    FIND(p_bcast, "MPI_Bcast");
    FIND(p_iallreduce, "MPI_Iallreduce");
    FIND(p_barrier, "MPI_Barrier");
    FIND(p_error_string, "MPI_Error_string");
    FIND(comm_world, "ompi_mpi_comm_world");
    FIND(byte_type, "ompi_mpi_byte");
    FIND(int_type, "ompi_mpi_int");
    FIND(min_op, "ompi_mpi_op_min");
#undef FIND
    loaded = 1;
    return 0;
}

// MPI_Finalize at a normal exit of a process that initialised MPI, as MPI requires.
static void finalize_at_exit(void) {
    int initialized = 0, finalized = 0;
    if (p_initialized(&initialized) == 0 && initialized && p_finalized(&finalized) == 0 && !finalized) {
        p_finalize();
    }
}

int bkmpi_init(void) {
    if (!loaded) return BKMPI_NOT_LOADED;
    int provided = 0;
    int result = p_init_thread(NULL, NULL, THREAD_FUNNELED, &provided);
    if (result == 0) atexit(finalize_at_exit);
    return result;
}

int bkmpi_initialized(int *initialized) { return loaded ? p_initialized(initialized) : BKMPI_NOT_LOADED; }
int bkmpi_finalized(int *finalized) { return loaded ? p_finalized(finalized) : BKMPI_NOT_LOADED; }
int bkmpi_finalize(void) { return loaded ? p_finalize() : BKMPI_NOT_LOADED; }
int bkmpi_rank(int *rank) { return loaded ? p_comm_rank(comm_world, rank) : BKMPI_NOT_LOADED; }
int bkmpi_size(int *size) { return loaded ? p_comm_size(comm_world, size) : BKMPI_NOT_LOADED; }

int bkmpi_isend(const void *buffer, int bytes, int destination, int tag, bkmpi_request *request) {
    return loaded ? p_isend(buffer, bytes, byte_type, destination, tag, comm_world, request) : BKMPI_NOT_LOADED;
}

int bkmpi_irecv(void *buffer, int bytes, int source, int tag, bkmpi_request *request) {
    return loaded ? p_irecv(buffer, bytes, byte_type, source, tag, comm_world, request) : BKMPI_NOT_LOADED;
}

int bkmpi_waitall(int count, bkmpi_request *requests) {
    return loaded ? p_waitall(count, requests, NULL) : BKMPI_NOT_LOADED;
}

int bkmpi_bcast(void *buffer, int bytes, int root) {
    return loaded ? p_bcast(buffer, bytes, byte_type, root, comm_world) : BKMPI_NOT_LOADED;
}

int bkmpi_iallreduce_min_int(const int *value, int *result, bkmpi_request *request) {
    return loaded ? p_iallreduce(value, result, 1, int_type, min_op, comm_world, request) : BKMPI_NOT_LOADED;
}

int bkmpi_barrier(void) { return loaded ? p_barrier(comm_world) : BKMPI_NOT_LOADED; }

void bkmpi_error_string(int code, char *message, size_t capacity) {
    if (capacity == 0) return;
    if (!loaded || code == BKMPI_NOT_LOADED) {
        snprintf(message, capacity, "MPI is not loaded");
        return;
    }
    char text[MAX_ERROR_STRING];
    int length = 0;
    if (p_error_string(code, text, &length) != 0) {
        snprintf(message, capacity, "MPI error %d", code);
        return;
    }
    snprintf(message, capacity, "%.*s", length, text);
}
