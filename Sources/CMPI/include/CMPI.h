// BrainKit's binding to Open MPI, loaded at run time.
//
// libmpi is opened with dlopen when a distributed run starts, so nothing in BrainKit links
// against it or needs mpi.h to build: without Open MPI installed every target still builds,
// and bkmpi_load reports the missing library. The functions below are the MPI calls BrainKit
// uses, with mpi.h's macros (MPI_COMM_WORLD, MPI_BYTE, MPI_INT, MPI_MIN, MPI_STATUSES_IGNORE)
// resolved inside: in Open MPI's ABI (libmpi.so.40) a communicator, datatype, operation or
// request is a pointer, and MPI_COMM_WORLD, MPI_BYTE, MPI_INT and MPI_MIN are the addresses of
// the library's objects ompi_mpi_comm_world, ompi_mpi_byte, ompi_mpi_int and ompi_mpi_op_min. Every function returns MPI's error code (0: MPI_SUCCESS); before a
// successful bkmpi_load they return BKMPI_NOT_LOADED.
#ifndef CMPI_H
#define CMPI_H

#include <stddef.h>

#define BKMPI_NOT_LOADED (-1)

/// An outstanding non-blocking send, receive or reduction (Open MPI's MPI_Request).
typedef void *bkmpi_request;

/// Opens libmpi (libmpi.so.40, or the library the environment variable BRAINKIT_MPI_LIBRARY
/// names) and finds every function and object used; 0 on success, else -1 with the reason in
/// `message`.
int bkmpi_load(char *message, size_t capacity);
/// MPI_Init with no arguments (MPI_Init_thread, MPI_THREAD_FUNNELED: only the thread that
/// initialised MPI calls it).
int bkmpi_init(void);
/// MPI_Initialized and MPI_Finalized.
int bkmpi_initialized(int *initialized);
int bkmpi_finalized(int *finalized);
int bkmpi_finalize(void);
/// MPI_Comm_rank and MPI_Comm_size of MPI_COMM_WORLD.
int bkmpi_rank(int *rank);
int bkmpi_size(int *size);
/// MPI_Isend and MPI_Irecv of `bytes` bytes (MPI_BYTE) on MPI_COMM_WORLD.
int bkmpi_isend(const void *buffer, int bytes, int destination, int tag, bkmpi_request *request);
int bkmpi_irecv(void *buffer, int bytes, int source, int tag, bkmpi_request *request);
/// MPI_Waitall with MPI_STATUSES_IGNORE.
int bkmpi_waitall(int count, bkmpi_request *requests);
/// MPI_Bcast of `bytes` bytes from `root` on MPI_COMM_WORLD.
int bkmpi_bcast(void *buffer, int bytes, int root);
/// MPI_Iallreduce of one MPI_INT with MPI_MIN on MPI_COMM_WORLD: `*result` holds the smallest
/// `*value` of all processes once `request` completes.
int bkmpi_iallreduce_min_int(const int *value, int *result, bkmpi_request *request);
/// MPI_Barrier on MPI_COMM_WORLD.
int bkmpi_barrier(void);
/// MPI_Error_string into `message`.
void bkmpi_error_string(int code, char *message, size_t capacity);

#endif
