#pragma once

#include "features/labelledfeatures.h"

#include <cstdint>
#include <vector>

namespace rs {

struct Outlier
{
    enum class Reason {
        Blank,           // its signature is flat: one colour, or nearly
        Noise,           // neighbouring boxes of its signature do not correlate
        UnlikeEveryClass // its features are far from every class's
    };
    std::int64_t row = 0;
    Reason reason = Reason::UnlikeEveryClass;
    double score = 0; // 1 - cosine similarity of its features to the nearest class centre: higher is stranger
};

// Rows unlike every class: blanks, noise, images from another domain. Each row's features,
// centred on the mean row and scaled to unit length, are compared with every class's mean
// direction; the score is the distance to the nearest, and rows scoring more than `spread`
// median absolute deviations above the median score are unlike every class. Rows whose image
// signature (imageSignature(); `signatures` may be empty) is flat or uncorrelated are blanks
// or noise whatever their features, which with weak weights can sit among the classes. Blanks
// and noise come first, then the rest, each strangest first (ties by row).
std::vector<Outlier> findOutliers(const LabelledFeatures &all, int classCount, const FeatureMatrix &signatures,
                                  double spread = 5.0);

// How a signature looks on its own: its standard deviation (0 for one colour) and the mean
// correlation of horizontally and vertically neighbouring boxes (1 for a flat signature).
struct SignatureShape
{
    double spread = 0;
    double neighbourCorrelation = 1;
};
SignatureShape signatureShape(const float *signature, int side);

} // namespace rs
