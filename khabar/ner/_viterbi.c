/* Viterbi decoding of a linear-chain CRF over many sentences in one call.
 *
 * The arithmetic and the tie rule are crfsuite's own (crf1dc_viterbi): score(t, j) =
 * max_i (score(t-1, i) + trans(i, j)) + state(t, j), the first label wins a tie.
 * numpy does the same in khabar/ner/crf.py (`viterbi_numpy`), one Python-level step per
 * position; this file only removes that per-step overhead. It is optional: when it was
 * not built, crf.py falls back to numpy and the tags are the same.
 *
 * viterbi(n_labels, transitions, scores, lengths, out)
 *   transitions: float64[L*L] (row = from), scores: float64[N*L] (the sentences' state
 *   scores laid end to end), lengths: int64[S] summing to N, out: writable int64[N].
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <stdint.h>
#include <stdlib.h>

static PyObject *viterbi(PyObject *self, PyObject *args)
{
    Py_ssize_t L;
    Py_buffer tr, sc, ln, out;
    if (!PyArg_ParseTuple(args, "ny*y*y*w*", &L, &tr, &sc, &ln, &out))
        return NULL;
    PyObject *result = NULL;
    double *alpha = NULL;
    int64_t *back = NULL;
    Py_ssize_t N = 0, S = 0, maxlen = 0, total = 0, k;
    const int64_t *lens = (const int64_t *)ln.buf;
    if (L <= 0 || tr.len != (Py_ssize_t)(L * L * sizeof(double)) ||
        sc.len % (Py_ssize_t)(L * sizeof(double)) != 0 ||
        ln.len % (Py_ssize_t)sizeof(int64_t) != 0) {
        PyErr_SetString(PyExc_ValueError, "viterbi: buffer sizes do not match the labels");
        goto done;
    }
    N = sc.len / (Py_ssize_t)(L * sizeof(double));
    S = ln.len / (Py_ssize_t)sizeof(int64_t);
    for (k = 0; k < S; ++k) {
        if (lens[k] < 0) {
            PyErr_SetString(PyExc_ValueError, "viterbi: negative sentence length");
            goto done;
        }
        total += lens[k];
        if (lens[k] > maxlen)
            maxlen = lens[k];
    }
    if (total != N || out.len != (Py_ssize_t)(N * sizeof(int64_t))) {
        PyErr_SetString(PyExc_ValueError, "viterbi: lengths do not add up to the scores");
        goto done;
    }
    if (maxlen > 0) {
        alpha = (double *)malloc(sizeof(double) * maxlen * L);
        back = (int64_t *)calloc(maxlen * L, sizeof(int64_t));
        if (alpha == NULL || back == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    {
        const double *T = (const double *)tr.buf;
        const double *X = (const double *)sc.buf;
        int64_t *y = (int64_t *)out.buf;
        Py_ssize_t o = 0;
        Py_BEGIN_ALLOW_THREADS
        for (k = 0; k < S; o += lens[k], ++k) {
            Py_ssize_t n = lens[k], t, i, j;
            if (n == 0)
                continue;
            for (j = 0; j < L; ++j)
                alpha[j] = X[o * L + j];
            for (t = 1; t < n; ++t) {
                const double *prev = alpha + (t - 1) * L;
                double *cur = alpha + t * L;
                const double *state = X + (o + t) * L;
                int64_t *bk = back + t * L;
                for (j = 0; j < L; ++j) {
                    double best = -DBL_MAX;
                    int64_t arg = -1;
                    for (i = 0; i < L; ++i) {
                        double s = prev[i] + T[i * L + j];
                        if (best < s) {
                            best = s;
                            arg = i;
                        }
                    }
                    bk[j] = arg >= 0 ? arg : 0;
                    cur[j] = best + state[j];
                }
            }
            {
                const double *last = alpha + (n - 1) * L;
                double best = -DBL_MAX;
                int64_t lab = 0;
                for (i = 0; i < L; ++i) {
                    if (best < last[i]) {
                        best = last[i];
                        lab = i;
                    }
                }
                y[o + n - 1] = lab;
                for (t = n - 1; t > 0; --t)
                    y[o + t - 1] = back[t * L + y[o + t]];
            }
        }
        Py_END_ALLOW_THREADS
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    free(alpha);
    free(back);
    PyBuffer_Release(&tr);
    PyBuffer_Release(&sc);
    PyBuffer_Release(&ln);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"viterbi", viterbi, METH_VARARGS,
     "viterbi(n_labels, transitions, scores, lengths, out): best labels, crfsuite's rules."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_viterbi",
                                    "crfsuite's Viterbi over many sentences at once.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__viterbi(void) { return PyModule_Create(&module); }
