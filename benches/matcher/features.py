# Stage-1 pair measures, in the order of MEASURES in src/pipeline/matcher.rs (keep in step).
NAMES = ['msrp_logit', 'cov_max', 'cov_min', 'unit_max', 'unit_min', 'lcov_max', 'lcov_min',
         'lunit_max', 'lunit_min', 'lunit_x_weight', 'lcov_sq', 'weight_max', 'weight_min',
         'numbers_shared', 'numbers_all_differ', 'numbers_fewer', 'numbers_all_differ_2',
         'scov_max', 'scov_min', 'sunit_max', 'sunit_min', 'opposed', 'one_number_changed',
         'template_numbers_differ']
import numpy as np
def f(r):
    g=lambda k: float(r[k])
    m=g('msrp'); lm=np.log(max(m,1e-4)/max(1-m,1e-4))
    cov=(g('cov_or'),g('cov_ro')); unit=(g('unit_or'),g('unit_ro'))
    lcov=(g('lcov_or'),g('lcov_ro')); lunit=(g('lunit_or'),g('lunit_ro'))
    scov=(g('scov_or'),g('scov_ro')); sunit=(g('sunit_or'),g('sunit_ro'))
    uw=(np.log1p(g('lunitw_or')),np.log1p(g('lunitw_ro')))
    w=(np.log1p(g('w_o')),np.log1p(g('w_r')))
    ns,no,nr=g('num_shared'),g('num_o'),g('num_r')
    return [lm, max(cov),min(cov),max(unit),min(unit),max(lcov),min(lcov),max(lunit),min(lunit),
            max(lunit)*min(uw), max(lcov)**2, max(w), min(w),
            np.log1p(ns), float(ns==0 and no>0 and nr>0), np.log1p(min(no,nr)), float(ns==0 and no>=2 and nr>=2),
            max(scov),min(scov),max(sunit),min(sunit), g('opposed'),
            float(ns>=1 and no==1 and nr==1), float(ns==0 and no>=1 and nr>=1)*max(scov)]
