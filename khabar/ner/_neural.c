/* The per-position loops of the ensemble entity tagger, over many sentences in one call.
 *
 * numpy runs each of these loops one Python-level step per token position, every step a
 * handful of array operations on a few dozen numbers: at a document's sizes the overhead
 * is the cost. This file only removes that overhead. It is optional: when it was not
 * built, khabar/ner/neural.py runs the numpy loops and the tags are the same.
 *
 * viterbi(n_tags, transitions, start, end, scores, lengths, out)
 *   The neural tagger's constrained Viterbi (`NeuralTagger.viterbi`), in float32 with
 *   numpy's arithmetic: score(0, j) = start(j) + state(0, j); score(t, j) =
 *   max_i (score(t-1, i) + trans(i, j)) + state(t, j); the last tag maximises
 *   score + end; the first tag wins a tie, as numpy's argmax. Only additions and
 *   comparisons, so the scores are numpy's to the last bit.
 *   transitions: float32[K*K] (row = from), start, end: float32[K], scores: float32[N*K]
 *   (the sentences laid end to end), lengths: int64[S] summing to N, out: int64[N].
 *
 * marginals(n_labels, transitions, state, lengths, out)
 *   A CRF's per-token label probabilities (`crf.marginals`): forward-backward rescaled
 *   at every position, in float64. transitions: exp of the transition weights
 *   float64[L*L]; state: exp of the shifted state scores float64[N*L] (both computed by
 *   numpy, so the exponentials are numpy's); out: float64[N*L]. Sums over labels are
 *   numpy's pairwise sums; the products over labels are added in label order, which may
 *   differ from BLAS in the last bits of a float64 (tests compare within 1e-12).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <stdint.h>
#include <stdlib.h>

/* numpy's pairwise summation of a contiguous row (`pairwise_sum` in numpy's loops),
 * for rows up to its block size of 128: eight running sums, combined pairwise, then
 * the remainder in order. */
static double row_sum(const double *a, Py_ssize_t n)
{
    Py_ssize_t i;
    double res = 0.;
    if (n < 8) {
        for (i = 0; i < n; ++i)
            res += a[i];
        return res;
    }
    double r[8];
    for (i = 0; i < 8; ++i)
        r[i] = a[i];
    for (i = 8; i < n - (n % 8); i += 8) {
        r[0] += a[i + 0];
        r[1] += a[i + 1];
        r[2] += a[i + 2];
        r[3] += a[i + 3];
        r[4] += a[i + 4];
        r[5] += a[i + 5];
        r[6] += a[i + 6];
        r[7] += a[i + 7];
    }
    res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i)
        res += a[i];
    return res;
}

static int check_lengths(const Py_buffer *ln, Py_ssize_t n_rows, Py_ssize_t *S,
                         Py_ssize_t *maxlen)
{
    const int64_t *lens = (const int64_t *)ln->buf;
    Py_ssize_t k, total = 0;
    if (ln->len % (Py_ssize_t)sizeof(int64_t) != 0) {
        PyErr_SetString(PyExc_ValueError, "lengths: not an int64 buffer");
        return -1;
    }
    *S = ln->len / (Py_ssize_t)sizeof(int64_t);
    *maxlen = 0;
    for (k = 0; k < *S; ++k) {
        if (lens[k] < 0) {
            PyErr_SetString(PyExc_ValueError, "negative sentence length");
            return -1;
        }
        total += lens[k];
        if (lens[k] > *maxlen)
            *maxlen = lens[k];
    }
    if (total != n_rows) {
        PyErr_SetString(PyExc_ValueError, "lengths do not add up to the scores");
        return -1;
    }
    return 0;
}

static PyObject *viterbi(PyObject *self, PyObject *args)
{
    Py_ssize_t K;
    Py_buffer tr, st, en, sc, ln, out;
    if (!PyArg_ParseTuple(args, "ny*y*y*y*y*w*", &K, &tr, &st, &en, &sc, &ln, &out))
        return NULL;
    PyObject *result = NULL;
    float *alpha = NULL;
    int64_t *back = NULL;
    Py_ssize_t N = 0, S = 0, maxlen = 0, k;
    if (K <= 0 || tr.len != (Py_ssize_t)(K * K * sizeof(float)) ||
        st.len != (Py_ssize_t)(K * sizeof(float)) || en.len != (Py_ssize_t)(K * sizeof(float)) ||
        sc.len % (Py_ssize_t)(K * sizeof(float)) != 0) {
        PyErr_SetString(PyExc_ValueError, "viterbi: buffer sizes do not match the tags");
        goto done;
    }
    N = sc.len / (Py_ssize_t)(K * sizeof(float));
    if (check_lengths(&ln, N, &S, &maxlen) < 0)
        goto done;
    if (out.len != (Py_ssize_t)(N * sizeof(int64_t))) {
        PyErr_SetString(PyExc_ValueError, "viterbi: the output does not fit the scores");
        goto done;
    }
    if (maxlen > 0) {
        alpha = (float *)malloc(sizeof(float) * maxlen * K);
        back = (int64_t *)calloc(maxlen * K, sizeof(int64_t));
        if (alpha == NULL || back == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    {
        const float *T = (const float *)tr.buf, *start = (const float *)st.buf;
        const float *end = (const float *)en.buf, *X = (const float *)sc.buf;
        const int64_t *lens = (const int64_t *)ln.buf;
        int64_t *y = (int64_t *)out.buf;
        Py_ssize_t o = 0;
        Py_BEGIN_ALLOW_THREADS
        for (k = 0; k < S; o += lens[k], ++k) {
            Py_ssize_t n = lens[k], t, i, j;
            if (n == 0)
                continue;
            for (j = 0; j < K; ++j)
                alpha[j] = start[j] + X[o * K + j];
            for (t = 1; t < n; ++t) {
                const float *prev = alpha + (t - 1) * K;
                float *cur = alpha + t * K;
                const float *state = X + (o + t) * K;
                int64_t *bk = back + t * K;
                for (j = 0; j < K; ++j) {
                    float best = prev[0] + T[j];
                    int64_t arg = 0;
                    for (i = 1; i < K; ++i) {
                        float s = prev[i] + T[i * K + j];
                        if (best < s) {
                            best = s;
                            arg = i;
                        }
                    }
                    bk[j] = arg;
                    cur[j] = best + state[j];
                }
            }
            {
                const float *last = alpha + (n - 1) * K;
                float best = last[0] + end[0];
                int64_t lab = 0;
                for (i = 1; i < K; ++i) {
                    float s = last[i] + end[i];
                    if (best < s) {
                        best = s;
                        lab = i;
                    }
                }
                y[o + n - 1] = lab;
                for (t = n - 1; t > 0; --t)
                    y[o + t - 1] = back[t * K + y[o + t]];
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
    PyBuffer_Release(&st);
    PyBuffer_Release(&en);
    PyBuffer_Release(&sc);
    PyBuffer_Release(&ln);
    PyBuffer_Release(&out);
    return result;
}

static PyObject *marginals(PyObject *self, PyObject *args)
{
    Py_ssize_t L;
    Py_buffer tr, st, ln, out;
    if (!PyArg_ParseTuple(args, "ny*y*y*w*", &L, &tr, &st, &ln, &out))
        return NULL;
    PyObject *result = NULL;
    double *fwd = NULL, *tmp = NULL;
    Py_ssize_t N = 0, S = 0, maxlen = 0, k;
    if (L <= 0 || L > 128 || tr.len != (Py_ssize_t)(L * L * sizeof(double)) ||
        st.len % (Py_ssize_t)(L * sizeof(double)) != 0) {
        PyErr_SetString(PyExc_ValueError, "marginals: buffer sizes do not match the labels");
        goto done;
    }
    N = st.len / (Py_ssize_t)(L * sizeof(double));
    if (check_lengths(&ln, N, &S, &maxlen) < 0)
        goto done;
    if (out.len != st.len) {
        PyErr_SetString(PyExc_ValueError, "marginals: the output does not fit the scores");
        goto done;
    }
    fwd = (double *)malloc(sizeof(double) * (maxlen > 0 ? maxlen : 1) * L);
    tmp = (double *)malloc(sizeof(double) * 2 * L);
    if (fwd == NULL || tmp == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    {
        const double *T = (const double *)tr.buf, *X = (const double *)st.buf;
        const int64_t *lens = (const int64_t *)ln.buf;
        double *P = (double *)out.buf;
        double *bwd = tmp, *v = tmp + L;
        Py_ssize_t o = 0;
        Py_BEGIN_ALLOW_THREADS
        for (k = 0; k < S; o += lens[k], ++k) {
            Py_ssize_t n = lens[k], t, i, j;
            double s;
            if (n == 0)
                continue;
            for (j = 0; j < L; ++j)
                fwd[j] = X[o * L + j];
            s = row_sum(fwd, L);
            for (j = 0; j < L; ++j)
                fwd[j] /= s;
            for (t = 1; t < n; ++t) {
                const double *prev = fwd + (t - 1) * L, *state = X + (o + t) * L;
                double *cur = fwd + t * L;
                for (j = 0; j < L; ++j) {
                    double acc = 0.;
                    for (i = 0; i < L; ++i)
                        acc += prev[i] * T[i * L + j];
                    cur[j] = acc * state[j];
                }
                s = row_sum(cur, L);
                for (j = 0; j < L; ++j)
                    cur[j] /= s;
            }
            /* backward, the marginals written as each position's backward vector is done */
            for (j = 0; j < L; ++j)
                bwd[j] = 1.;
            for (t = n - 1;; --t) {
                double *p = P + (o + t) * L;
                const double *f = fwd + t * L;
                for (j = 0; j < L; ++j)
                    p[j] = f[j] * bwd[j];
                s = row_sum(p, L);
                if (s > 0)
                    for (j = 0; j < L; ++j)
                        p[j] /= s;
                if (t == 0)
                    break;
                {
                    const double *state = X + (o + t) * L;
                    for (j = 0; j < L; ++j)
                        v[j] = bwd[j] * state[j];
                    for (i = 0; i < L; ++i) {
                        double acc = 0.;
                        for (j = 0; j < L; ++j)
                            acc += v[j] * T[i * L + j];
                        bwd[i] = acc;
                    }
                    s = row_sum(bwd, L);
                    for (i = 0; i < L; ++i)
                        bwd[i] /= s;
                }
            }
        }
        Py_END_ALLOW_THREADS
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    free(fwd);
    free(tmp);
    PyBuffer_Release(&tr);
    PyBuffer_Release(&st);
    PyBuffer_Release(&ln);
    PyBuffer_Release(&out);
    return result;
}

/* gates(g, c, n, rows, hidden): one step of the LSTM between numpy's two tanh, in place,
 * with `NeuralTagger._recur`'s operations in its order (each rounded as numpy rounds it):
 * g holds tanh of the gate pre-activations, float32 (2, rows, 4 * hidden) in the order
 * input, forget, output, cell; c the cells, float32 (2, rows, hidden); the first n rows
 * of each direction are stepped. The sigmoid gates become (t + 1) * 0.5 in g, and
 * c = c * forget + input * cell. Pointers are the arrays' addresses (`ndarray.ctypes`):
 * the caller owns and checks the arrays. No contraction into fused multiply-adds, which
 * would round once where numpy rounds twice. */
#if defined(__GNUC__) && !defined(__clang__)
/* GCC contracts across statements where the target has FMA; clang only within one
 * expression, and every product here is a statement of its own */
__attribute__((optimize("fp-contract=off")))
#endif
static void gate_rows(float *g, float *c, Py_ssize_t n, Py_ssize_t rows, Py_ssize_t hd)
{
    Py_ssize_t d, r, j;
    for (d = 0; d < 2; ++d)
        for (r = 0; r < n; ++r) {
            float *gi = g + (d * rows + r) * 4 * hd;
            const float *gf = gi + hd;
            const float *gg = gi + 3 * hd;
            float *cr = c + (d * rows + r) * hd;
            for (j = 0; j < 3 * hd; ++j) {
                float t = gi[j] + 1.0f;
                gi[j] = t * 0.5f;
            }
            for (j = 0; j < hd; ++j) {
                float kept = cr[j] * gf[j];
                float add = gi[j] * gg[j];
                cr[j] = kept + add;
            }
        }
}

static PyObject *gates(PyObject *self, PyObject *args)
{
    Py_ssize_t g, c, n, rows, hd;
    if (!PyArg_ParseTuple(args, "nnnnn", &g, &c, &n, &rows, &hd))
        return NULL;
    if (g == 0 || c == 0 || n < 0 || n > rows || hd <= 0) {
        PyErr_SetString(PyExc_ValueError, "gates: bad arguments");
        return NULL;
    }
    gate_rows((float *)g, (float *)c, n, rows, hd);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"gates", gates, METH_VARARGS,
     "gates(g, c, n, rows, hidden): the LSTM's sigmoid gates and cell update, in place."},
    {"viterbi", viterbi, METH_VARARGS,
     "viterbi(n_tags, transitions, start, end, scores, lengths, out): the neural "
     "tagger's best tags, float32, numpy's arithmetic."},
    {"marginals", marginals, METH_VARARGS,
     "marginals(n_labels, exp_transitions, exp_state, lengths, out): a CRF's per-token "
     "label probabilities, forward-backward."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_neural",
                                    "The ensemble tagger's per-position loops, compiled.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__neural(void) { return PyModule_Create(&module); }
